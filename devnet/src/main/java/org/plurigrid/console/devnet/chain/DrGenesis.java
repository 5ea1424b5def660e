package org.plurigrid.console.devnet.chain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plurigrid.console.client.wallet.AccountAddress;

/**
 * The demand-response program the devnet chain instantiates at genesis: its id and name, its pool (the contract's
 * balance that settlement pays from), the reward per kWh delivered, its limits, and its participants (a device or site
 * id → the owner account that is paid). Operators are the demo accounts and the accounts funded at genesis.
 */
public record DrGenesis(String programId, String programName, long pool, long rewardPerKwh, BigDecimal maxKw,
                        Duration maxDuration, List<String> targets, Map<String, String> participants) {

    public DrGenesis {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(programName, "programName");
        if (pool < 0 || rewardPerKwh < 0) {
            throw new IllegalArgumentException("Pool and reward cannot be negative");
        }
        targets = List.copyOf(targets);
        participants = Map.copyOf(participants);
    }

    /** Program {@code prog-devnet}: 100,000,000 in its pool, 10,000 per kWh, up to 5 MW for up to 4 h, any target. */
    public static DrGenesis defaults() {
        return new DrGenesis("prog-devnet", "Devnet congestion relief", 100_000_000L, 10_000L, new BigDecimal("5000"),
                Duration.ofHours(4), List.of(), Map.of());
    }

    public DrGenesis withParticipants(Map<String, String> p) {
        return new DrGenesis(programId, programName, pool, rewardPerKwh, maxKw, maxDuration, targets, p);
    }

    /** The default program with every fleet site (edge node id) as a participant, each with its owner account. */
    public static DrGenesis forSites(java.util.Collection<String> siteIds, String bech32Prefix) {
        Map<String, String> p = new java.util.TreeMap<>();
        siteIds.forEach(s -> p.put(s, ownerAccount(bech32Prefix, s)));
        return defaults().withParticipants(p);
    }

    /** The contract's address: 32 bytes, like a wasmd instantiate2 address, derived from the program id. */
    public String contractAddress(String bech32Prefix) {
        return new AccountAddress(bech32Prefix, Secp256k1Verifier.sha256(("plurigrid/dr-program/" + programId)
                .getBytes(StandardCharsets.UTF_8))).bech32();
    }

    /** A deterministic owner account for a device or site in the devnet (no one holds its key; it only gets paid). */
    public static String ownerAccount(String bech32Prefix, String siteId) {
        return new AccountAddress(bech32Prefix, Arrays.copyOf(Secp256k1Verifier.sha256(("plurigrid/der-owner/" + siteId)
                .getBytes(StandardCharsets.UTF_8)), 20)).bech32();
    }
}
