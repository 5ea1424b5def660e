package org.plurigrid.console.devnet.chain;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the devnet chain alone until Ctrl-C: {@code DevnetChainMain [PORT] [BLOCK_MS]}. Prints the demo accounts and
 * their phrases to stdout (local use only), e.g. to try {@code gov vote … --node 127.0.0.1:PORT} by hand.
 */
public final class DevnetChainMain {

    private DevnetChainMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        long blockMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withPort(port).withBlockTime(Duration.ofMillis(blockMs)));
        System.out.print(chain.describeDemoAccounts());
        System.out.println("Proposals in voting period: " + chain.proposalsInVotingPeriod() + ". Ctrl-C stops the chain.");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            chain.close();
            stop.countDown();
        }, "devnet-chain-stop"));
        stop.await();
    }
}
