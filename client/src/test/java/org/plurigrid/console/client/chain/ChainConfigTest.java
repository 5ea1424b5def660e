package org.plurigrid.console.client.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.proto.cosmwasm.wasm.v1.MsgExecuteContract;

class ChainConfigTest {

    @Test
    void parsesPlaintextAndTlsEndpointsLikeAChainRegistry() {
        assertThat(GrpcEndpoint.parse("127.0.0.1:9090")).isEqualTo(new GrpcEndpoint("127.0.0.1", 9090, false));
        assertThat(GrpcEndpoint.parse("https://grpc.example.org")).isEqualTo(new GrpcEndpoint("grpc.example.org", 443, true));
        assertThat(GrpcEndpoint.parse("https://grpc.example.org:9443")).isEqualTo(new GrpcEndpoint("grpc.example.org", 9443, true));
        assertThatThrownBy(() -> GrpcEndpoint.parse("localhost")).hasMessageContaining("expected HOST:PORT");
        assertThatThrownBy(() -> GrpcEndpoint.parse("localhost:abc")).hasMessageContaining("port is not a number");
    }

    @Test
    void validatesTheChainEntry() {
        assertThatThrownBy(() -> ChainConfig.of("", "cosmos", "ucosm", "0.025", GrpcEndpoint.parse("h:1")))
                .hasMessage("Chain configuration: chainId is missing");
        assertThatThrownBy(() -> ChainConfig.of("c", "cosmos", "ucosm", "0.025")).hasMessageContaining("at least one gRPC endpoint");
        assertThatThrownBy(() -> ChainConfig.of("c", "cosmos", "ucosm", "-1", GrpcEndpoint.parse("h:1"))).hasMessageContaining("negative");
    }

    @Test
    void parsesCoinAmounts() {
        assertThat(CoinAmount.parse("5000ucosm")).isEqualTo(CoinAmount.of(5000, "ucosm"));
        assertThat(CoinAmount.parse("1ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2").denom()).startsWith("ibc/");
        assertThatThrownBy(() -> CoinAmount.parse("ucosm")).hasMessageContaining("expected digits then a denom");
    }

    @Test
    void packsACosmWasmExecuteWithItsTypeUrl() throws Exception {
        var any = ChainClient.executeContractMessage("cosmos1sender", "cosmos1contract", "{\"dispatch\":{}}".getBytes(), List.of(CoinAmount.of(1, "ucosm")));
        assertThat(any.getTypeUrl()).isEqualTo("/cosmwasm.wasm.v1.MsgExecuteContract");
        MsgExecuteContract m = MsgExecuteContract.parseFrom(any.getValue());
        assertThat(m.getMsg().toStringUtf8()).isEqualTo("{\"dispatch\":{}}");
        // funds is field 5 (wasmd skips 4): tag 0x2a, then Coin{denom "ucosm", amount "1"}
        assertThat(HexFormat.of().formatHex(any.getValue().toByteArray())).endsWith("2a0a0a0575636f736d120131");
    }
}
