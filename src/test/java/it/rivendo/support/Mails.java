package it.rivendo.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reading what the SMTP server received. */
public final class Mails {

	private Mails() {
	}

	/** The text/plain part of a message, wherever it sits in the multipart tree. */
	public static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return part.getContent().toString();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
