package it.rivendo;

import org.springframework.boot.SpringApplication;
import org.springframework.util.StringUtils;

/**
 * The shop on Testcontainers, for Docker users: {@code ./mvnw spring-boot:test-run}
 * starts PostgreSQL 17 and Mailpit in containers ({@link TestcontainersConfiguration})
 * and the demo shop on them. Mailpit's web page, with every e-mail the shop sent, is
 * logged at start-up.
 */
public class TestRivendoApplication {

	public static void main(String[] args) {
		SpringApplication.from(RivendoApplication::main)
			.with(TestcontainersConfiguration.class)
			// the containers are the database and the SMTP server: nothing to choose or
			// to start in the shop's JVM
			.run(StringUtils.concatenateStringArrays(args,
					new String[] { "--rivendo.database.bootstrap=false", "--rivendo.mail.embedded-smtp=false" }));
	}

}
