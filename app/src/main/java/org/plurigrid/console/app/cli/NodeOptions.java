package org.plurigrid.console.app.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.config.TransportWarnings;
import picocli.CommandLine.Option;

/** Which node and chain to talk to: {@code --node}, {@code --chain-id}, fee denom and gas price. */
public final class NodeOptions {

    @Option(names = "--node", paramLabel = "HOST:PORT", split = ",",
            description = "gRPC endpoint(s) in failover order: HOST:PORT (plaintext) or https://HOST[:PORT] (TLS). Default: 127.0.0.1:9090.")
    List<String> nodes = List.of("127.0.0.1:9090");

    @Option(names = "--chain-id", paramLabel = "ID", description = "Chain-id the node must serve; nothing is signed for another chain.")
    String chainId;

    @Option(names = "--fee-denom", paramLabel = "DENOM", defaultValue = "ucosm", description = "Fee denom (default: ${DEFAULT-VALUE}).")
    String feeDenom;

    @Option(names = "--gas-price", paramLabel = "PRICE", defaultValue = "0.025", description = "Gas price in the fee denom (default: ${DEFAULT-VALUE}).")
    BigDecimal gasPrice;

    @Option(names = "--gas-adjustment", paramLabel = "X", defaultValue = "1.3", description = "Simulated gas × X (default: ${DEFAULT-VALUE}).")
    BigDecimal gasAdjustment;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Wait this long for inclusion (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    String requireChainId() {
        if (chainId == null || chainId.isBlank()) {
            throw new CliException("--chain-id is required to sign: it makes sure the transaction is for the chain you mean");
        }
        return chainId;
    }

    /** A client for queries (chain-id only checked if given) or for transactions. */
    ChainClient client(String prefix) {
        List<GrpcEndpoint> endpoints = nodes.stream().map(GrpcEndpoint::parse).toList();
        ChainConfig config = new ChainConfig(chainId == null ? "(any)" : chainId, prefix, feeDenom, gasPrice, gasAdjustment,
                endpoints, Duration.ofSeconds(10), Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(250));
        TransportWarnings.logged(TransportWarnings.ofChain(config));
        return new ChainClient(config, InstantSource.system());
    }

    boolean chainIdGiven() {
        return chainId != null && !chainId.isBlank();
    }
}
