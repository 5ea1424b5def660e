package org.plurigrid.console.client.governance;

import java.util.Locale;

/**
 * A gov vote option as the console speaks of it: the four choices, by the names operators type ({@code yes}, {@code no},
 * {@code abstain}, {@code no_with_veto}) and the labels the screen shows. The only place that maps to and from the
 * protobuf wire enum, so views never see wire types.
 */
public enum VoteOption {
    YES("yes", "Yes", org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption.VOTE_OPTION_YES),
    NO("no", "No", org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption.VOTE_OPTION_NO),
    ABSTAIN("abstain", "Abstain", org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption.VOTE_OPTION_ABSTAIN),
    NO_WITH_VETO("no_with_veto", "No with veto", org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption.VOTE_OPTION_NO_WITH_VETO);

    private final String typed;
    private final String label;
    private final org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption wire;

    VoteOption(String typed, String label, org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption wire) {
        this.typed = typed;
        this.label = label;
        this.wire = wire;
    }

    /** The name operators type and the command line prints: "yes", "no_with_veto". */
    public String typedName() {
        return typed;
    }

    /** For buttons and columns: "Yes", "No with veto". */
    public String label() {
        return label;
    }

    /** Accepts yes, no, abstain, no_with_veto (also no-with-veto, veto, nowithveto), in any case. */
    public static VoteOption parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "yes" -> YES;
            case "no" -> NO;
            case "abstain" -> ABSTAIN;
            case "no_with_veto", "veto", "nowithveto" -> NO_WITH_VETO;
            default -> throw new IllegalArgumentException("'" + text + "' is not a vote option: use yes, no, abstain or no_with_veto");
        };
    }

    public org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption toProto() {
        return wire;
    }

    /** @throws IllegalArgumentException for UNSPECIFIED or a number this console does not know */
    public static VoteOption of(org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption wire) {
        for (VoteOption o : values()) {
            if (o.wire == wire) {
                return o;
            }
        }
        throw new IllegalArgumentException("Not a vote option: " + wire);
    }
}
