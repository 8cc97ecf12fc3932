package it.rivendo.mail;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a short notice e-mail, as message keys and arguments that the renderer
 * puts in the reader's language.
 */
public final class Notice {

	private final String subjectKey;

	private final Object[] subjectArgs;

	private final @Nullable String greetingName;

	private final List<Paragraph> paragraphs = new ArrayList<>();

	private final List<String> items = new ArrayList<>();

	private @Nullable String actionKey;

	private @Nullable String actionUrl;

	public record Paragraph(String key, Object[] args) {
	}

	public Notice(String subjectKey, Object[] subjectArgs, @Nullable String greetingName) {
		this.subjectKey = subjectKey;
		this.subjectArgs = subjectArgs;
		this.greetingName = greetingName;
	}

	public Notice paragraph(String key, Object... args) {
		paragraphs.add(new Paragraph(key, args));
		return this;
	}

	public Notice item(String text) {
		items.add(text);
		return this;
	}

	public Notice action(String key, String url) {
		this.actionKey = key;
		this.actionUrl = url;
		return this;
	}

	public String subjectKey() {
		return subjectKey;
	}

	public Object[] subjectArgs() {
		return subjectArgs;
	}

	public @Nullable String getGreetingName() {
		return greetingName;
	}

	public List<Paragraph> getParagraphs() {
		return paragraphs;
	}

	public List<String> getItems() {
		return items;
	}

	public @Nullable String getActionKey() {
		return actionKey;
	}

	public @Nullable String getActionUrl() {
		return actionUrl;
	}

}
