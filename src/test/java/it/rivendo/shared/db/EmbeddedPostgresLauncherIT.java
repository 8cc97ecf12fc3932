package it.rivendo.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.shared.db.EmbeddedPostgresLauncher.Launched;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's embedded PostgreSQL keeps its data between runs, and starts again after a
 * run that was killed: the server that run left running in the folder is stopped first.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class EmbeddedPostgresLauncherIT {

	@TempDir
	Path home;

	@Test
	void keepsItsDataAndStopsTheServerAKilledRunLeftRunning() throws Exception {
		Path data = home.resolve("postgres-17");
		Launched first = EmbeddedPostgresLauncher.launch(data);
		Path binaries;
		try {
			execute(first, "create table kept (note text)", "insert into kept values ('ordine 1')");
			binaries = Path.of(postmaster(data).info().command().orElseThrow()).getParent();
		}
		finally {
			first.server().close();
		}
		assertThat(data.resolve("postmaster.pid")).doesNotExist();

		// what a killed run leaves: its server still running in the folder, nobody
		// holding the folder
		ProcessHandle leftBehind = startByHand(binaries, data);
		assertThat(leftBehind.isAlive()).isTrue();

		Launched second = EmbeddedPostgresLauncher.launch(data);
		try {
			assertThat(leftBehind.isAlive()).isFalse();
			assertThat(second.running().description()).contains("data in " + data)
				.contains("after stopping the server, pid " + leftBehind.pid());
			try (Connection connection = connect(second);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select note from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("ordine 1");
			}
		}
		finally {
			second.server().close();
		}
	}

	private static void execute(Launched launched, String... sql) throws Exception {
		try (Connection connection = connect(launched); Statement statement = connection.createStatement()) {
			for (String command : sql) {
				statement.execute(command);
			}
		}
	}

	private static Connection connect(Launched launched) throws Exception {
		return DriverManager.getConnection(launched.running().serverUrl() + "postgres", "postgres", "");
	}

	private static ProcessHandle postmaster(Path data) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		return ProcessHandle.of(pid).orElseThrow();
	}

	/** The server started with pg_ctl, as the launcher does, but by no launcher. */
	private static ProcessHandle startByHand(Path binaries, Path data) throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
		}
		command.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1", "-w", "start"));
		Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(data.resolveSibling("by-hand.log").toFile()))
			.start();
		assertThat(pgCtl.waitFor()).as("pg_ctl start, see by-hand.log").isZero();
		return postmaster(data);
	}

}
