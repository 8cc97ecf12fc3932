package it.rivendo.identity;

import java.util.Locale;

/**
 * Whom an e-mail of a reseller's account goes to: a user of its team, greeted by name, in
 * that person's language.
 */
public record MailRecipient(long userId, String email, String name, Locale locale) {
}
