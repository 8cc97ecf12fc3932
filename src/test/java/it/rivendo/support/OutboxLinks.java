package it.rivendo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The single-use links the shop e-mails, read from the outbox: the token after
 * {@code /activate/}, {@code /set-password/}...
 */
public final class OutboxLinks {

	private OutboxLinks() {
	}

	/**
	 * The token of the link to {@code path} in the newest e-mail of this kind to this
	 * address.
	 */
	public static String token(JdbcClient jdbc, String kind, String recipient, String path) {
		String body = jdbc
			.sql("select body_text from mail_outbox where kind = ? and recipient = ? order by id desc limit 1")
			.params(kind, recipient)
			.query(String.class)
			.single();
		Matcher link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).as("a link " + path + " in " + body).isTrue();
		return link.group(1);
	}

}
