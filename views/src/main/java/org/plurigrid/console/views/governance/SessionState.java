package org.plurigrid.console.views.governance;

/** Whether the session can sign: no account, an unlocked key, or a watch-only account (view, never sign). */
public enum SessionState {
    LOCKED,
    UNLOCKED,
    WATCHING
}
