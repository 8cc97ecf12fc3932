package it.rivendo.mail;

import it.rivendo.shared.ShopProperties;
import it.rivendo.shared.InLocale;
import it.rivendo.shared.Formats;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail from two Thymeleaf templates, {@code templates/mail/NAME.html} and
 * {@code NAME.txt}, in the recipient's language.
 */
@Component
public class MailRenderer {

	private final TemplateEngine htmlEngine;

	private final SpringTemplateEngine textEngine;

	private final MessageSource messages;

	private final Formats formats;

	private final String publicUrl;

	MailRenderer(TemplateEngine htmlEngine, MessageSource messages, Formats formats, ShopProperties shop) {
		this.htmlEngine = htmlEngine;
		this.messages = messages;
		this.formats = formats;
		this.publicUrl = shop.baseUrl();
		ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
		text.setPrefix("templates/mail/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding("UTF-8");
		this.textEngine = new SpringTemplateEngine();
		this.textEngine.setTemplateResolver(text);
		this.textEngine.setTemplateEngineMessageSource(messages);
		this.textEngine.setEnableSpringELCompiler(true);
	}

	/**
	 * A short notice: a greeting, paragraphs, an optional list and an optional button,
	 * each paragraph a message key with its arguments, in the recipient's language.
	 */
	public OutgoingMail notice(String kind, String reference, String recipient, Locale locale, Notice notice) {
		return render(kind, reference, recipient, locale, "notice", notice.subjectKey(), notice.subjectArgs(),
				Map.of("notice", notice));
	}

	public OutgoingMail render(String kind, String reference, String recipient, Locale locale, String template,
			String subjectKey, Object[] subjectArgs, Map<String, Object> variables) {
		return InLocale.call(locale, () -> {
			Context context = new Context(locale, variables);
			context.setVariable("fmt", formats);
			context.setVariable("publicUrl", publicUrl);
			String subject = messages.getMessage(subjectKey, subjectArgs, locale);
			context.setVariable("subject", subject);
			String html = htmlEngine.process("mail/" + template, context);
			String text = textEngine.process(template, context);
			return new OutgoingMail(kind, reference, recipient, subject, text, html);
		});
	}

}
