package it.rivendo.support;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties every table the shop owns before each test, so each test states its own data;
 * sets the test clock back.
 */
public class CleanDatabaseExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		var application = SpringExtension.getApplicationContext(context);
		application.getBeanProvider(MutableClock.class).ifAvailable(MutableClock::reset);
		JdbcClient jdbc = application.getBean(JdbcClient.class);
		List<String> tables = jdbc
			.sql("select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")
			.query(String.class)
			.list();
		jdbc.sql("truncate table " + String.join(", ", tables) + " restart identity cascade").update();
		jdbc.sql("alter sequence order_number_seq restart").update();
	}

}
