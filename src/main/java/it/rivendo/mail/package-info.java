/**
 * The e-mail outbox: e-mails written in the transaction of what caused them, delivered
 * afterwards by the outbox sender, readable and re-sendable by staff; the in-process SMTP
 * server of the demo.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package it.rivendo.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
