package org.plurigrid.console.client.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.tx.v1beta1.SignDoc;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;

/**
 * SIGN_MODE_DIRECT bytes and signatures against cosmjs {@code packages/proto-signing/src/testutils.spec.ts}
 * ("testVectors", generated with a real simd as its TEST_VECTORS.md describes; cosmos/cosmjs commit c58384e3):
 * faucet account, MsgSend of 1234567ucosm to cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu, fee 2000ucosm,
 * gas 200000, chain "simd-testing", account number 1, sequences 0, 1 and 2.
 */
class TxSignerVectorsTest {

    static final String FAUCET_MNEMONIC = "economy stock theory fatal elder harbor betray wasp final emotion task crumble "
            + "siren bottom lizard educate guess current outdoor pair theory focus wife stone";
    static final String BODY = "0a90010a1c2f636f736d6f732e62616e6b2e763162657461312e4d736753656e6412700a2d636f736d6f7331706b707472653766646b6c366766727a6c65736a6a766878686c63337234676d6d6b38727336122d636f736d6f7331717970717870713971637273737a673270767871367273307a716733797963356c7a763778751a100a0575636f736d120731323334353637";

    private static final HexFormat HEX = HexFormat.of();
    private final SigningKey faucet = Mnemonic.parse(FAUCET_MNEMONIC).deriveKey(HdPath.cosmos(0));

    private static byte[] body() {
        return TxSigner.bodyBytes(List.of(TxSigner.pack(MsgSend.newBuilder()
                .setFromAddress("cosmos1pkptre7fdkl6gfrzlesjjvhxhlc3r4gmmk8rs6")
                .setToAddress("cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu")
                .addAmount(CoinAmount.parse("1234567ucosm").toProto())
                .build())), "");
    }

    @Test
    void buildsTheBodyBytesCosmjsPublished() {
        assertThat(HEX.formatHex(body())).isEqualTo(BODY);
    }

    @ParameterizedTest(name = "sequence {0}")
    @CsvSource({
        "0, 0a4e0a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21034f04181eeba35391b858633a765c4a0c189697b40d216354d50890d350c7029012040a02080112130a0d0a0575636f736d12043230303010c09a0c, "
            + "c9dd20e07464d3a688ff4b710b1fbc027e495e797cfa0b4804da2ed117959227772de059808f765aa29b8f92edf30f4c2c5a438e30d3fe6897daa7141e3ce6f9",
        "1, 0a500a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21034f04181eeba35391b858633a765c4a0c189697b40d216354d50890d350c7029012040a020801180112130a0d0a0575636f736d12043230303010c09a0c, "
            + "525adc7e61565a509c60497b798c549fbf217bb5cd31b24cc9b419d098cc95330c99ecc4bc72448f85c365a4e3f91299a3d40412fb3751bab82f1940a83a0a4c",
        "2, 0a500a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21034f04181eeba35391b858633a765c4a0c189697b40d216354d50890d350c7029012040a020801180212130a0d0a0575636f736d12043230303010c09a0c, "
            + "f3f2ca73806f2abbf6e0fe85f9b8af66f0e9f7f79051fdb8abe5bb8633b17da132e82d577b9d5f7a6dae57a144efc9ccc6eef15167b44b3b22a57240109762af"})
    void signsExactlyAsSimdDid(long sequence, String authInfoHex, String signatureHex) throws Exception {
        byte[] authInfo = TxSigner.authInfoBytes(faucet.publicKey(), sequence, new TxFee(CoinAmount.parse("2000ucosm"), 200_000));
        assertThat(HEX.formatHex(authInfo)).isEqualTo(authInfoHex);

        SignedTx tx = TxSigner.sign(body(), authInfo, new SignerData("simd-testing", 1, sequence), faucet);

        assertThat(HEX.formatHex(tx.raw().getSignatures(0).toByteArray())).isEqualTo(signatureHex);
        // signedTxBytes in cosmjs = TxRaw(body, authInfo, [signature])
        assertThat(tx.hex()).isEqualTo("0a9301" + BODY + "12" + HEX.formatHex(new byte[] {(byte) authInfo.length}) + authInfoHex
                + "1a40" + signatureHex);
        SignDoc doc = SignDoc.parseFrom(TxSigner.signDocBytes(body(), authInfo, "simd-testing", 1));
        assertThat(doc.getChainId()).isEqualTo("simd-testing");
    }

    @Test
    void signDocBytesMatchCosmjsSignBytesForSequenceZero() {
        byte[] authInfo = TxSigner.authInfoBytes(faucet.publicKey(), 0, new TxFee(CoinAmount.parse("2000ucosm"), 200_000));
        assertThat(HEX.formatHex(TxSigner.signDocBytes(body(), authInfo, "simd-testing", 1))).isEqualTo(
                "0a9301" + BODY + "1265" + HEX.formatHex(authInfo) + "1a0c73696d642d74657374696e672001");
    }

    @Test
    void signaturesAreLowS() {
        java.math.BigInteger halfOrder = new java.math.BigInteger("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16);
        for (int i = 0; i < 50; i++) {
            byte[] sig = faucet.sign(("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(sig).hasSize(64);
            assertThat(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64))).isLessThanOrEqualTo(halfOrder);
        }
    }

    @Test
    void txHashIsUpperHexSha256OfTxRaw() {
        SignedTx tx = TxSigner.sign(List.of(TxSigner.pack(MsgSend.getDefaultInstance())), "", new TxFee(CoinAmount.parse("1ucosm"), 1),
                new SignerData("c", 0, 0), faucet);
        assertThat(tx.hash()).matches("[0-9A-F]{64}").isEqualTo(SignedTx.hashOf(tx.bytes()));
    }
}
