package org.plurigrid.console.client.chain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One chain as a chain registry entry describes it: chain-id, bech32 prefix, fee denom and gas price, gRPC endpoints
 * in failover order, and how the console sizes gas and waits for inclusion.
 */
public record ChainConfig(
        String chainId,
        String bech32Prefix,
        String feeDenom,
        BigDecimal gasPrice,
        BigDecimal gasAdjustment,
        List<GrpcEndpoint> endpoints,
        Duration requestTimeout,
        Duration inclusionTimeout,
        Duration pollInterval) {

    public ChainConfig {
        requireText(chainId, "chainId");
        requireText(bech32Prefix, "bech32Prefix");
        requireText(feeDenom, "feeDenom");
        Objects.requireNonNull(gasPrice, "gasPrice");
        Objects.requireNonNull(gasAdjustment, "gasAdjustment");
        if (gasPrice.signum() < 0) {
            throw new IllegalArgumentException("gasPrice must not be negative: " + gasPrice);
        }
        if (gasAdjustment.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("gasAdjustment must be at least 1 (got " + gasAdjustment + ")");
        }
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("Chain " + chainId + " needs at least one gRPC endpoint");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(inclusionTimeout, "inclusionTimeout");
        requirePositive(pollInterval, "pollInterval");
    }

    /** Defaults: gas adjustment 1.3, 10 s per request, 60 s to inclusion, poll every 250 ms. */
    public static ChainConfig of(String chainId, String bech32Prefix, String feeDenom, String gasPrice, GrpcEndpoint... endpoints) {
        return new ChainConfig(chainId, bech32Prefix, feeDenom, new BigDecimal(gasPrice), new BigDecimal("1.3"),
                List.of(endpoints), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(250));
    }

    public ChainConfig withInclusionTimeout(Duration timeout) {
        return new ChainConfig(chainId, bech32Prefix, feeDenom, gasPrice, gasAdjustment, endpoints, requestTimeout, timeout, pollInterval);
    }

    public ChainConfig withPollInterval(Duration interval) {
        return new ChainConfig(chainId, bech32Prefix, feeDenom, gasPrice, gasAdjustment, endpoints, requestTimeout, inclusionTimeout, interval);
    }

    public ChainConfig withRequestTimeout(Duration timeout) {
        return new ChainConfig(chainId, bech32Prefix, feeDenom, gasPrice, gasAdjustment, endpoints, timeout, inclusionTimeout, pollInterval);
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("Chain configuration: " + name + " is missing");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("Chain configuration: " + name + " must be a positive duration");
        }
    }
}
