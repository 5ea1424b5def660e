package org.plurigrid.console.client.governance;

import java.util.Locale;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;

/** The four vote options by the names operators type: yes, no, abstain, no_with_veto. */
public final class VoteChoices {

    private VoteChoices() {
    }

    public static VoteOption parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "yes" -> VoteOption.VOTE_OPTION_YES;
            case "no" -> VoteOption.VOTE_OPTION_NO;
            case "abstain" -> VoteOption.VOTE_OPTION_ABSTAIN;
            case "no_with_veto", "veto", "nowithveto" -> VoteOption.VOTE_OPTION_NO_WITH_VETO;
            default -> throw new IllegalArgumentException("'" + text + "' is not a vote option: use yes, no, abstain or no_with_veto");
        };
    }

    public static String name(VoteOption o) {
        return switch (o) {
            case VOTE_OPTION_YES -> "yes";
            case VOTE_OPTION_NO -> "no";
            case VOTE_OPTION_ABSTAIN -> "abstain";
            case VOTE_OPTION_NO_WITH_VETO -> "no_with_veto";
            default -> "unspecified";
        };
    }
}
