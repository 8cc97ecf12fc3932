package it.rivendo.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server a killed run left in the demo's data folder is stopped, but only if it really
 * is a postgres.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class LeftBehindServerTests {

	@TempDir
	Path folder;

	Process process;

	@AfterEach
	void stopProcess() {
		if (process != null) {
			process.destroyForcibly();
		}
	}

	@Test
	void aPostgresLeftRunningIsStopped() throws Exception {
		process = running("postgres");
		pidFile(process.pid());

		assertThat(LeftBehindServer.stop(folder, Duration.ofSeconds(10))).contains(process.pid());
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void aProcessThatIsNotAPostgresIsLeftAloneAndItsPidForgotten() throws Exception {
		process = running("sleep");
		pidFile(process.pid());

		assertThat(LeftBehindServer.stop(folder, Duration.ofSeconds(10))).isEmpty();
		assertThat(process.isAlive()).isTrue();
		assertThat(folder.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		pidFile(gone.pid());

		assertThat(LeftBehindServer.stop(folder, Duration.ofSeconds(10))).isEmpty();
		assertThat(folder.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void aFolderWithoutAPidFileHasNothingToStop() throws Exception {
		assertThat(LeftBehindServer.stop(folder, Duration.ofSeconds(10))).isEmpty();
	}

	/** {@code sleep} under the given name, like a server that keeps running. */
	private Process running(String name) throws Exception {
		Path sleep = Files.copy(Path.of(Files.exists(Path.of("/bin/sleep")) ? "/bin/sleep" : "/usr/bin/sleep"),
				folder.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
		return new ProcessBuilder(sleep.toString(), "60").start();
	}

	/**
	 * A postmaster.pid as PostgreSQL writes it: the pid, the data folder, the start time,
	 * the port...
	 */
	private void pidFile(long pid) throws Exception {
		Files.writeString(folder.resolve("postmaster.pid"), pid + "\n" + folder + "\n1700000000\n54321\n");
	}

}
