package org.plurigrid.console.views.governance;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the accounts screen shows of one address: balances ("1000000ucosm") and voting power, when the node serves
 * it (the bonded stake counted in tallies).
 */
public record AccountOverview(String address, List<String> balances, Optional<BigInteger> votingPower) {

    public AccountOverview {
        Objects.requireNonNull(address, "address");
        balances = List.copyOf(balances);
        Objects.requireNonNull(votingPower, "votingPower");
    }
}
