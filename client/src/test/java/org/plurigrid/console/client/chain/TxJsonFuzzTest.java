package org.plurigrid.console.client.chain;

import java.util.HexFormat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzzes {@code tx decode}: any bytes (as hex) or any text give one JSON object or an IllegalArgumentException with a
 * message (exit 2 on the command line). Inputs in {@code TxJsonFuzzTestInputs/txDecode} run in every build.
 */
class TxJsonFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "2m")
    void txDecode(FuzzedDataProvider data) throws Exception {
        boolean asText = data.consumeBoolean();
        String argument = asText ? data.consumeRemainingAsString() : HexFormat.of().formatHex(data.consumeRemainingAsBytes());
        String out;
        try {
            out = TxJson.decodeTxRawHex(argument);
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a decode error without a message", expected);
            }
            return;
        }
        JsonNode tree = JSON.readTree(out);
        if (tree == null || !tree.isObject() || !tree.has("body") || !tree.has("auth_info") || !tree.has("signatures")) {
            throw new AssertionError("tx decode printed something other than one transaction object: " + out);
        }
    }
}
