/**
 * Webhooks (issue 18): a reseller's endpoints, events written as deliveries in the
 * transaction of what happened (an outbox), signed per the Standard Webhooks spec and
 * sent by a scheduled sender with retries; the delivery log.
 */
@ApplicationModule(allowedDependencies = { "catalog", "credit", "identity", "mail", "ordering", "services", "shared" })
@NullMarked
package it.rivendo.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
