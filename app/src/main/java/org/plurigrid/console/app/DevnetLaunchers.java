package org.plurigrid.console.app;

/**
 * The devnet of this build. Until the devnet module offers {@code Devnet.start}, the console needs --broker.
 */
final class DevnetLaunchers {

    private DevnetLaunchers() {
    }

    static DevnetLauncher inThisBuild() {
        return DevnetLauncher.unavailable();
    }
}
