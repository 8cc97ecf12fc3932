package it.rivendo.identity;

import java.util.Locale;

/** Whom an e-mail of a reseller's account goes to, in that person's language. */
public record MailRecipient(String email, Locale locale) {
}
