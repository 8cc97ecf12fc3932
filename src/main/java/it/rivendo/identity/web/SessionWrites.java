package it.rivendo.identity.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), and Spring Session rewrites a session's row at every request
 * only because its last access time moved: a committed write, with its WAL flush, for every page view. Here the row
 * is rewritten when something in it changed (id, user, timeout) or when the last access written is more than
 * {@link #ACCESS_TIME_RESOLUTION} old; attributes are written as before, when they change. A session therefore
 * expires between 30 minutes and 30 minutes plus the resolution after its last request.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	static final Duration ACCESS_TIME_RESOLUTION = Duration.ofMinutes(1);

	/**
	 * Spring Session's own update statement, with the same parameters in the same order, applied only when it changes
	 * more than a recent access time.
	 */
	static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
			    PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
			             CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
			             CAST(? AS VARCHAR) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
			  AND (S.SESSION_ID <> V.SESSION_ID
			       OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %RESOLUTION%)
			""".replace("%RESOLUTION%", Long.toString(ACCESS_TIME_RESOLUTION.toMillis()));

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
		return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
	}
}
