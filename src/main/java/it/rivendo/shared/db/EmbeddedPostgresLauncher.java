package it.rivendo.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.rivendo.shared.db.DatabaseServer.Running;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * Starts the embedded PostgreSQL (zonky's {@link EmbeddedPostgres}; as root it runs the
 * server through {@code unshare -U}). Only loaded when the library is on the classpath.
 */
final class EmbeddedPostgresLauncher {

	/**
	 * The major version of the binaries in the pom; a data folder opens only with the
	 * major version that made it.
	 */
	static final String MAJOR_VERSION = "17";

	/** zonky's lock file in a data folder, held by the JVM whose server uses it. */
	private static final String LOCK_FILE = "epg-lock";

	private EmbeddedPostgresLauncher() {
	}

	/**
	 * Starts a server on a free port, stopped after the application when the JVM ends.
	 * @param dataDirectory where the data stays between runs (created by the first); null
	 * for a throwaway folder, deleted when the server stops
	 */
	static Running start(Path dataDirectory) throws IOException {
		Launched launched = launch(dataDirectory);
		// after the application's contexts have closed, so that nothing still uses it
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				launched.server().close();
			}
			catch (IOException ex) {
				// the JVM is ending: nothing left to tell
			}
		});
		return launched.running();
	}

	/** A started server, and the handle that stops it. */
	record Launched(Running running, Closeable server) {
	}

	/** Starts a server on a free port; the caller stops it. */
	static Launched launch(Path dataDirectory) throws IOException {
		long startedAt = System.nanoTime();
		requireLoopback();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "127.0.0.1")
			// the same order and case rules on every system (PostgreSQL 17's own C.UTF-8,
			// no OS locale needed)
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8");
		Path log;
		String earlier = "";
		if (dataDirectory == null) {
			// under zonky's working folder, whose next user removes it if this JVM is
			// killed (and stops its server)
			Path working = Path.of(System.getProperty("ot.epg.working-dir",
					Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
			Files.createDirectories(working);
			log = working.resolve("rivendo-postgres.log");
			builder.setDataDirectory(working.resolve("rivendo-" + UUID.randomUUID()).toFile())
				.setCleanDataDirectory(true);
		}
		else {
			Files.createDirectories(dataDirectory);
			log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
			earlier = freeFromEarlierRuns(dataDirectory)
				.map(pid -> " (after stopping the server, pid " + pid + ", that a killed run had left running)")
				.orElse("");
			builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
		}
		builder.setOutputRedirector(Redirect.appendTo(log.toFile()))
			.setErrorRedirector(Redirect.appendTo(log.toFile()));
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IOException(ex.getMessage() + " (its log: " + log + ")", ex);
		}
		String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedAt) / 1e9);
		return new Launched(new Running("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres", "",
				"the embedded PostgreSQL " + MAJOR_VERSION + " on port " + postgres.getPort() + ", "
						+ (dataDirectory == null ? "throwaway data" : "data in " + dataDirectory) + ", started in "
						+ seconds + " s" + earlier),
				postgres);
	}

	/**
	 * The server listens on 127.0.0.1 only: without a working loopback interface, it
	 * would be waited for in vain.
	 */
	private static void requireLoopback() throws IOException {
		InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
		try (ServerSocket server = new ServerSocket(0, 1, loopback); Socket client = new Socket()) {
			client.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
		}
		catch (IOException ex) {
			throw new IOException("127.0.0.1 cannot be reached here (" + ex.getMessage()
					+ "): is the loopback interface down? ('ip link set lo up')", ex);
		}
	}

	/**
	 * Refuses a folder that another live run uses (it holds zonky's lock), and stops a
	 * server that a killed run left running in it.
	 * @return the pid of the server that was stopped
	 */
	private static Optional<Long> freeFromEarlierRuns(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve(LOCK_FILE);
		if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
			// no server was made here yet (or a first run stopped before initdb): initdb
			// wants the folder empty
			Files.deleteIfExists(lockFile);
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IOException("another run of the shop is using the embedded PostgreSQL in " + dataDirectory
						+ "; stop it first");
			}
		}
		String version = Files.exists(dataDirectory.resolve("PG_VERSION"))
				? Files.readString(dataDirectory.resolve("PG_VERSION")).strip() : MAJOR_VERSION;
		if (!version.equals(MAJOR_VERSION)) {
			throw new IOException(dataDirectory + " holds the data of PostgreSQL " + version + ", and the embedded "
					+ "server is PostgreSQL " + MAJOR_VERSION
					+ "; set rivendo.database.embedded-data to another folder");
		}
		return LeftBehindServer.stop(dataDirectory, Duration.ofSeconds(30));
	}

}
