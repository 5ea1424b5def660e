package org.plurigrid.console.devnet.chain;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.auth.v1beta1.BaseAccount;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;
import org.plurigrid.console.client.chain.proto.cosmos.base.v1beta1.Coin;
import org.plurigrid.console.client.chain.proto.cosmos.crypto.secp256k1.PubKey;
import org.plurigrid.console.client.chain.proto.tendermint.abci.Event;
import org.plurigrid.console.client.wallet.AccountAddress;

/**
 * The devnet's x/auth and x/bank: accounts (number, sequence, key), balances and bonded stake, and the one spend check
 * every move of coins goes through. Called under {@link ChainState}'s lock.
 */
final class BankState implements WasmExecution.Ledger {

    static final String BOND_DENOM = "stake";

    static final class Account {
        final String address;
        final long number;
        long sequence;
        byte[] pubKey;
        final Map<String, BigInteger> balances = new TreeMap<>();
        BigInteger bonded = BigInteger.ZERO;

        Account(String address, long number) {
            this.address = address;
            this.number = number;
        }

        BigInteger balance(String denom) {
            return balances.getOrDefault(denom, BigInteger.ZERO);
        }
    }

    private final String bech32Prefix;
    private final String feeDenom;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private long nextAccountNumber;

    BankState(String bech32Prefix, String feeDenom) {
        this.bech32Prefix = bech32Prefix;
        this.feeDenom = feeDenom;
    }

    /** The account of a module ({@code gov}, {@code fee_collector}): the first 20 bytes of the SHA-256 of its name. */
    static String moduleAddress(String bech32Prefix, String module) {
        return new AccountAddress(bech32Prefix,
                Arrays.copyOf(Secp256k1Verifier.sha256(module.getBytes(StandardCharsets.US_ASCII)), 20)).bech32();
    }

    /** The account at {@code address}, or null when it never received anything. */
    Account account(String address) {
        return accounts.get(address);
    }

    /** The account at {@code address}, opened with the next account number when it is new. */
    Account open(String address) {
        return accounts.computeIfAbsent(address, a -> new Account(a, nextAccountNumber++));
    }

    void fund(String address, long balance, long bonded) {
        AccountAddress.parse(address, bech32Prefix);
        Account a = open(address);
        a.balances.merge(feeDenom, BigInteger.valueOf(balance), BigInteger::add);
        a.bonded = a.bonded.add(BigInteger.valueOf(bonded));
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    Optional<BaseAccount> baseAccount(String address) {
        Account a = accounts.get(address);
        if (a == null) {
            return Optional.empty();
        }
        BaseAccount.Builder b = BaseAccount.newBuilder().setAddress(a.address).setAccountNumber(a.number).setSequence(a.sequence);
        if (a.pubKey != null) {
            b.setPubKey(TxSigner.pack(PubKey.newBuilder().setKey(ByteString.copyFrom(a.pubKey)).build()));
        }
        return Optional.of(b.build());
    }

    List<Coin> balances(String address) {
        Account a = accounts.get(address);
        if (a == null) {
            return List.of();
        }
        List<Coin> out = new ArrayList<>();
        a.balances.forEach((d, v) -> {
            if (v.signum() > 0) {
                out.add(Coin.newBuilder().setDenom(d).setAmount(v.toString()).build());
            }
        });
        if (a.bonded.signum() > 0) {
            out.add(Coin.newBuilder().setDenom(BOND_DENOM + "-bonded").setAmount(a.bonded.toString()).build());
        }
        return out;
    }

    @Override
    public BigInteger balance(String address, String denom) {
        Account a = accounts.get(address);
        return a == null ? BigInteger.ZERO : a.balance(denom);
    }

    /** Bonded stake of one account (zero if unknown): its voting power. */
    BigInteger bonded(String address) {
        Account a = accounts.get(address);
        return a == null ? BigInteger.ZERO : a.bonded;
    }

    BigInteger totalBonded() {
        return accounts.values().stream().map(a -> a.bonded).reduce(BigInteger.ZERO, BigInteger::add);
    }

    // ---- moves ---------------------------------------------------------------------------------------------------

    /** Refuses, in the SDK's words, coins that {@code address} cannot pay (an unknown account can pay nothing). */
    @Override
    public void requireSpendable(String address, List<Coin> coins) throws TxFailure {
        Account from = accounts.get(address);
        for (Coin c : coins) {
            BigInteger amount = new BigInteger(c.getAmount());
            if (from == null || from.balance(c.getDenom()).compareTo(amount) < 0) {
                throw TxFailure.insufficientFunds(from == null ? BigInteger.ZERO : from.balance(c.getDenom()), amount, c.getDenom());
            }
        }
    }

    /** Moves coins already checked by {@link #requireSpendable}; the receiver is opened when new. */
    void move(String from, String to, List<Coin> coins) {
        Account src = accounts.get(from);
        Account dst = open(to);
        for (Coin c : coins) {
            BigInteger amount = new BigInteger(c.getAmount());
            src.balances.merge(c.getDenom(), amount.negate(), BigInteger::add);
            dst.balances.merge(c.getDenom(), amount, BigInteger::add);
        }
    }

    /** A contract paying out of its own account; the contract sizes its payouts to its pool, so a shortfall is a bug. */
    @Override
    public void transfer(String from, String to, String denom, BigInteger amount) {
        Account src = open(from);
        if (src.balance(denom).compareTo(amount) < 0) {
            throw new IllegalStateException("contract " + from + " cannot pay " + amount + denom);
        }
        src.balances.merge(denom, amount.negate(), BigInteger::add);
        open(to).balances.merge(denom, amount, BigInteger::add);
    }

    /** {@code /cosmos.bank.v1beta1.MsgSend}. */
    List<Event> send(MsgSend s, boolean apply) throws TxFailure {
        try {
            AccountAddress.parse(s.getToAddress(), bech32Prefix);
        } catch (IllegalArgumentException e) {
            throw TxFailure.sdk(TxFailure.INVALID_ADDRESS, "invalid to address: " + e.getMessage() + ": invalid address");
        }
        requireSpendable(s.getFromAddress(), s.getAmountList());
        if (!apply) {
            return List.of();
        }
        move(s.getFromAddress(), s.getToAddress(), s.getAmountList());
        return List.of(ChainEvents.event("message", "action", MsgTypes.SEND, "sender", s.getFromAddress(), "module", "bank"),
                ChainEvents.event("transfer", "recipient", s.getToAddress(), "sender", s.getFromAddress()));
    }
}
