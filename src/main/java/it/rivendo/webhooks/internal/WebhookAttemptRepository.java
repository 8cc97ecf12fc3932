package it.rivendo.webhooks.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookAttemptRepository extends JpaRepository<WebhookAttempt, Long> {

}
