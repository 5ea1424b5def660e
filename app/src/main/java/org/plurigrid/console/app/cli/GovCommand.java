package org.plurigrid.console.app.cli;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.SignedTx;
import org.plurigrid.console.client.chain.SignerData;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxJson;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.UnsignedTx;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.Proposal;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.TallyResult;

import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.governance.WeightedVote;
import org.plurigrid.console.client.wallet.AccountAddress;
import org.plurigrid.console.client.wallet.KeyInfo;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gov proposals|proposal|vote}: read proposals and cast gov v1 votes from the command line. */
@Command(name = "gov", description = "Governance: proposals and votes (Cosmos gov v1).", mixinStandardHelpOptions = true,
        subcommands = {GovCommand.Proposals.class, GovCommand.ShowProposal.class, GovCommand.CastVote.class})
public final class GovCommand {

    static String status(ProposalStatus s) {
        return s.name().replace("PROPOSAL_STATUS_", "").toLowerCase(Locale.ROOT);
    }

    static String time(Timestamp t) {
        return t.getSeconds() == 0 ? "-" : Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    static String tally(TallyResult t) {
        return "yes " + t.getYesCount() + ", no " + t.getNoCount() + ", abstain " + t.getAbstainCount() + ", no_with_veto " + t.getNoWithVetoCount();
    }

    @Command(name = "proposals", description = "List proposals.", mixinStandardHelpOptions = true)
    static final class Proposals extends CliCommand {
        @Option(names = "--status", paramLabel = "STATUS", description = "deposit, voting, passed, rejected or failed (default: all).")
        String status;
        @Mixin
        NodeOptions node;
        @Mixin
        HomeOption home;

        @Override
        int run() {
            ProposalStatus filter = status == null ? ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED : switch (status.toLowerCase(Locale.ROOT)) {
                case "deposit" -> ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD;
                case "voting" -> ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD;
                case "passed" -> ProposalStatus.PROPOSAL_STATUS_PASSED;
                case "rejected" -> ProposalStatus.PROPOSAL_STATUS_REJECTED;
                case "failed" -> ProposalStatus.PROPOSAL_STATUS_FAILED;
                default -> throw new CliException("--status must be deposit, voting, passed, rejected or failed");
            };
            try (ChainClient client = node.client("cosmos")) {
                if (node.chainIdGiven()) {
                    client.checkChainId();
                }
                for (Proposal p : client.proposals(filter)) {
                    out().printf("%-4d %-15s voting ends %-22s %s%n", p.getId(), status(p.getStatus()), time(p.getVotingEndTime()), p.getTitle());
                }
            }
            return 0;
        }
    }

    @Command(name = "proposal", description = "Show one proposal with its messages and tally.", mixinStandardHelpOptions = true)
    static final class ShowProposal extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Mixin
        NodeOptions node;
        @Mixin
        HomeOption home;

        @Override
        int run() {
            try (ChainClient client = node.client("cosmos")) {
                if (node.chainIdGiven()) {
                    client.checkChainId();
                }
                Proposal p = client.proposal(id);
                out().println("id:           " + p.getId());
                out().println("title:        " + p.getTitle());
                out().println("status:       " + status(p.getStatus()));
                out().println("summary:      " + p.getSummary());
                out().println("proposer:     " + p.getProposer());
                out().println("metadata:     " + p.getMetadata());
                out().println("deposit:      " + p.getTotalDepositList().stream().map(c -> CoinAmount.of(c).toString()).toList());
                out().println("submitted:    " + time(p.getSubmitTime()));
                out().println("voting:       " + time(p.getVotingStartTime()) + " → " + time(p.getVotingEndTime()));
                out().println("tally:        " + tally(p.getStatus() == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD ? client.tally(id) : p.getFinalTallyResult()));
                for (Any m : p.getMessagesList()) {
                    out().println("message:      " + TxJson.compact(m));
                }
            }
            return 0;
        }
    }

    @Command(name = "vote", description = "Vote on a proposal; with --offline only sign and print the TxRaw hex.", mixinStandardHelpOptions = true)
    static final class CastVote extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", arity = "0..1", paramLabel = "OPTION", description = "yes, no, abstain or no_with_veto (or use --weighted)")
        String option;
        @Option(names = "--weighted", paramLabel = "WEIGHTS", description = "Split vote, e.g. yes=0.7,no=0.3 (weights sum to exactly 1).")
        String weighted;
        @Option(names = "--from", paramLabel = "NAME", required = true, description = "Key that signs.")
        String from;
        @Option(names = "--memo", paramLabel = "TEXT", defaultValue = "", description = "Transaction memo.")
        String memo;
        @Mixin
        HomeOption home;
        @Mixin
        PasswordOption password;
        @Mixin
        NodeOptions node;
        @Mixin
        OfflineOptions offline;

        @Override
        int run() {
            if ((option == null) == (weighted == null)) {
                throw new CliException("Give either an OPTION (yes, no, abstain, no_with_veto) or --weighted, not both");
            }
            Keystore ks = KeysCommand.keystore(home.home());
            KeyInfo info = ks.show(from);
            if (info.watchOnly()) {
                throw new CliException("Key '" + from + "' is watch-only: it cannot sign");
            }
            String chainId = node.requireChainId();
            AccountAddress voter = info.address();
            Any msg = weighted != null
                    ? VoteService.weightedVoteMessage(id, WeightedVote.parse(weighted), voter.bech32())
                    : VoteService.voteMessage(id, org.plurigrid.console.client.governance.VoteOption.parse(option), voter.bech32());
            if (offline.offline) {
                offline.requireComplete();
                TxFee fee = new TxFee(CoinAmount.parse(offline.fees), offline.gas);
                SigningKey key = ks.unlock(from, password.forKey(from, false));
                SignedTx tx = TxSigner.sign(List.of(msg), memo, fee, new SignerData(chainId, offline.accountNumber, offline.sequence), key);
                out().println(tx.hex());
                return 0;
            }
            try (ChainClient client = node.client(voter.prefix())) {
                VoteService votes = new VoteService(client);
                UnsignedTx tx = weighted != null
                        ? votes.prepareWeightedVote(id, WeightedVote.parse(weighted), voter, info.publicKey().orElseThrow(), memo)
                        : votes.prepareVote(id, org.plurigrid.console.client.governance.VoteOption.parse(option), voter, info.publicKey().orElseThrow(), memo);
                out().print(tx.describe());
                out().flush();
                SigningKey key = ks.unlock(from, password.read("Password for key '" + from + "' to sign the above", false));
                TxOutcome outcome = client.signAndSubmit(tx, key, (step, detail) -> err().println("… " + step.name().toLowerCase(Locale.ROOT) + " " + detail));
                return txResult(outcome, "Vote");
            }
        }
    }

}
