package org.plurigrid.console.devnet.chain;

import java.util.List;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.chain.proto.cosmos.bank.v1beta1.MsgSend;

/**
 * New proposals arriving while a devnet runs, so a newcomer always finds something recent to read and vote on: each
 * call to {@link #next()} submits the next one of a small catalogue (every third one short of its deposit, so the list
 * also shows proposals in deposit period), up to {@link DevnetChain#MAX_ARRIVALS}.
 */
final class ProposalArrivals {

    private record Draft(String title, String summary) {
    }

    private static final List<Draft> CATALOGUE = List.of(
            new Draft("Extend the Harbour microgrid's islanding test window",
                    "Run the monthly islanding test from 02:00 to 04:00 instead of 02:00 to 03:00, so battery recovery is observed."),
            new Draft("Adopt a 5-minute settlement interval for community-grid trades",
                    "Settle energy trades between community grids every 5 minutes (now 15) to follow PV ramps more closely."),
            new Draft("Raise the demand-response pilot cap to 250 kW",
                    "The Harbour pilot curtailed 150 kW without complaints; allow the dispatcher up to 250 kW from next week."),
            new Draft("Publish substation load profiles as open data",
                    "Publish 15-minute load profiles of every substation, aggregated above 20 households, under CC BY 4.0."),
            new Draft("Fund two extra battery cabinets at Riverside",
                    "Buy two 100 kWh cabinets for the Riverside community grid; 180,000 ucosm from the community pool."),
            new Draft("Lower the voltage-alarm deadband to 1 %",
                    "Alarm on voltage excursions beyond 1 % (now 2 %) on medium-voltage feeders, after a month of chatter review."));

    private final ChainState state;
    private final DevnetChain.Options options;
    private final String proposer;
    private int added;

    ProposalArrivals(ChainState state, DevnetChain.Options options, String proposer) {
        this.state = state;
        this.options = options;
        this.proposer = proposer;
    }

    /** Adds the next proposal; false once {@link DevnetChain#MAX_ARRIVALS} have arrived. */
    synchronized boolean next() {
        if (added >= DevnetChain.MAX_ARRIVALS) {
            return false;
        }
        Draft d = CATALOGUE.get(added % CATALOGUE.size());
        int round = added / CATALOGUE.size();
        String title = round == 0 ? d.title() : d.title() + " (round " + (round + 1) + ")";
        long deposit = added % 3 == 2 ? options.minDeposit() / 2 : options.minDeposit();
        state.addProposal(title, d.summary(), proposer, List.of(TxSigner.pack(MsgSend.newBuilder()
                .setFromAddress(state.govModuleAddress()).setToAddress(proposer)
                .addAmount(CoinAmount.of(1_000, options.feeDenom()).toProto()).build())), deposit);
        added++;
        return true;
    }
}
