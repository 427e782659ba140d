package dev.lapse.corpus.curator;

import dev.lapse.corpus.Verdict;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/**
 * An in-process ZooKeeper on loopback ({@code curator-test}'s {@code TestingServer}) and a started client: the
 * long-lived client an application keeps for its whole life, which the Curator drivers' recipes hang on.
 */
final class Zookeeper {
    private Zookeeper() {}

    /** A started client of a fresh server; both live until the JVM exits. */
    static CuratorFramework client() throws Exception {
        TestingServer server = Verdict.longLived(new TestingServer(true));
        CuratorFramework client = Verdict.longLived(
                CuratorFrameworkFactory.newClient(server.getConnectString(), 10_000, 5_000, new RetryOneTime(100)));
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
