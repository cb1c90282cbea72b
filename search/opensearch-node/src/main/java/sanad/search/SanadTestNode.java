package sanad.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch on 127.0.0.1 for Sanad's tests: HTTP on the given port, data under a
 * directory of its own, no security plugin. The modules a distribution would load from its modules/
 * folder are given as classpath plugins instead: netty4 (HTTP and transport) and analysis-common (the
 * mapping and pattern_replace char filters and the edge_ngram filter Sanad's analyzers use).
 *
 * <p>Arguments: {@code <home directory> <http port> [<transport port>]}. Runs until SIGTERM/SIGINT,
 * then closes the node cleanly (run.sh stop).
 */
public final class SanadTestNode extends Node {

    private SanadTestNode(Environment environment) {
        // Node's protected constructor: the same one the test framework's MockNode uses in 2.19.
        super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }

    static Settings settings(Path home, int httpPort, int transportPort) {
        return Settings.builder()
            .put("cluster.name", "sanad-test")
            .put("node.name", "sanad-test")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("discovery.type", "single-node")
            // A nearly full CI disk must not turn the indexes read-only under the tests.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SanadTestNode <home directory> <http port> [<transport port>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = args.length > 2 ? Integer.parseInt(args[2]) : httpPort + 100;
        Files.createDirectories(home.resolve("config"));

        long started = System.nanoTime();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings(home, httpPort, transportPort),
            java.util.Map.of(),
            home.resolve("config"),
            () -> "sanad-test"
        );
        SanadTestNode node = new SanadTestNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "sanad-test-node-shutdown"));
        node.start();
        System.out.printf("sanad-test-node: started on http://127.0.0.1:%d in %.1f s%n", httpPort, (System.nanoTime() - started) / 1e9);
        System.out.flush();
        stopped.await();
    }
}
