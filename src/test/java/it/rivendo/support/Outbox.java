package it.rivendo.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The e-mails the shop queued, read from the outbox as a test asserts on them.
 */
public final class Outbox {

	private Outbox() {
	}

	/** Who was sent e-mails of this kind, oldest first. */
	public static List<String> recipients(JdbcClient jdbc, String kind) {
		return jdbc.sql("select recipient from mail_outbox where kind = ? order by id")
			.param(kind)
			.query(String.class)
			.list();
	}

	/** The plain text of the one e-mail of this kind about {@code reference}. */
	public static String text(JdbcClient jdbc, String kind, String reference) {
		return jdbc.sql("select body_text from mail_outbox where kind = ? and reference = ?")
			.param(kind)
			.param(reference)
			.query(String.class)
			.single();
	}

}
