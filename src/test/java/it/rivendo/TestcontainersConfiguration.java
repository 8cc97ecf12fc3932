package it.rivendo;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 17 and Mailpit in containers, as in docker-compose.yml, for
 * {@link TestRivendoApplication}.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestcontainersConfiguration {

	private static final int SMTP = 1025;

	private static final int WEB = 8025;

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(DockerImageName.parse("postgres:17"));
	}

	@Bean
	GenericContainer<?> mailpit() {
		return new GenericContainer<>(DockerImageName.parse("axllent/mailpit:latest")).withExposedPorts(SMTP, WEB);
	}

	/**
	 * Spring Boot has no service connection for SMTP: the mail sender gets Mailpit's
	 * address this way.
	 */
	@Bean
	DynamicPropertyRegistrar mailpitProperties(GenericContainer<?> mailpit) {
		return properties -> {
			properties.add("spring.mail.host", mailpit::getHost);
			properties.add("spring.mail.port", () -> mailpit.getMappedPort(SMTP));
		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> mailpitAddress(GenericContainer<?> mailpit) {
		return ready -> LoggerFactory.getLogger(TestRivendoApplication.class)
			.info("Mailpit shows the e-mails the shop sent: http://{}:{}", mailpit.getHost(),
					mailpit.getMappedPort(WEB));
	}

}
