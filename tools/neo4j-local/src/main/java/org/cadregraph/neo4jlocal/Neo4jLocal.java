package org.cadregraph.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs the Neo4j Community engine embedded, with Bolt on 127.0.0.1:PORT and the store in DIR.
 *
 * Usage: java -jar neo4j-local.jar --port 7687 --data-dir ./data [--pagecache-mb 256] [--exit-with-stdin]
 *
 * Prints exactly one line "NEO4J_LOCAL_READY bolt://127.0.0.1:PORT" on stdout once a query has
 * really run, so that the Node side can wait for it. SIGTERM/SIGINT close the store cleanly.
 * With --exit-with-stdin it also stops (cleanly) when its standard input closes: the parent
 * holds the other end of that pipe, so even a kill -9 of the parent leaves no orphan holding
 * the port and the store lock. DIR/neo4j-local.pid names the running process.
 */
public final class Neo4jLocal {
    private Neo4jLocal() {}

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path dataDir = Path.of("neo4j-data");
        long pageCacheMb = 256;
        boolean exitWithStdin = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> { port = Integer.parseInt(require(a, v)); i++; }
                case "--data-dir" -> { dataDir = Path.of(require(a, v)); i++; }
                case "--pagecache-mb" -> { pageCacheMb = Long.parseLong(require(a, v)); i++; }
                case "--exit-with-stdin" -> exitWithStdin = true;
                default -> fail("unknown argument " + a
                        + " (expected --port N, --data-dir DIR, --pagecache-mb N, --exit-with-stdin)");
            }
        }
        if (port < 1 || port > 65535) fail("--port must be 1..65535, got " + port);
        Files.createDirectories(dataDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
                .build();

        Path pidFile = dataDir.resolve("neo4j-local.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                Files.deleteIfExists(pidFile);
            } catch (Exception e) {
                System.err.println("neo4j-local: shutdown: " + e);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-local-shutdown"));
        if (exitWithStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) { /* the parent never writes; EOF means it is gone */ }
                } catch (Exception ignored) {
                    // A broken pipe means the same as EOF.
                }
                System.err.println("neo4j-local: parent process gone (stdin closed), shutting down");
                System.exit(0);
            }, "neo4j-local-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Ready means a query really runs, not merely that the builder returned.
        db.executeTransactionally("RETURN 1");
        System.out.println("NEO4J_LOCAL_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("neo4j-local: " + message);
        System.exit(2);
    }
}
