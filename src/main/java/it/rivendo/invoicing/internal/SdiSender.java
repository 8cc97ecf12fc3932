package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.SdiChannel;
import it.rivendo.invoicing.SdiChannelException;
import it.rivendo.invoicing.SdiReceipt;
import it.rivendo.invoicing.SdiStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends invoices and credit notes to the SdI and takes in its receipts, when there is an
 * {@link SdiChannel}; without one it does nothing (staff download the files).
 * <p>
 * Safe with several instances: documents are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and marked sent in the same transaction as the file is handed over, so a document is
 * transmitted once; each transmission has a file name never used before (unique in the
 * database, as is the attempt number per document). A channel that does not answer is
 * tried again after a minute, two, four... at most an hour. A receipt is processed once
 * (its id is unique in the history) and acknowledged to the channel after the commit; one
 * that comes again is only acknowledged.
 */
@Component
public class SdiSender {

	private static final Logger log = LoggerFactory.getLogger(SdiSender.class);

	private static final int BATCH = 20;

	private final ObjectProvider<SdiChannel> channels;

	private final InvoiceDocumentRepository documents;

	private final SdiTransmissionRepository transmissions;

	private final SdiEventRepository events;

	private final FatturaPaWriter xml;

	private final SdiMails mails;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SdiSender(ObjectProvider<SdiChannel> channels, InvoiceDocumentRepository documents,
			SdiTransmissionRepository transmissions, SdiEventRepository events, FatturaPaWriter xml, SdiMails mails,
			TransactionTemplate transactions, Clock clock) {
		this.channels = channels;
		this.documents = documents;
		this.transmissions = transmissions;
		this.events = events;
		this.xml = xml;
		this.mails = mails;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${rivendo.invoicing.sdi.interval:15s}", initialDelayString = "10s")
	void scheduled() {
		run();
	}

	/**
	 * One run of the job: the receipts that arrived, then the documents due.
	 * @return how many receipts were processed and files sent
	 */
	public Run run() {
		SdiChannel channel = channels.getIfAvailable();
		if (channel == null) {
			return new Run(0, 0);
		}
		int receipts = processReceipts(channel);
		return new Run(receipts, sendDue(channel));
	}

	/** What a run did. */
	public record Run(int receipts, int sent) {
	}

	private int sendDue(SdiChannel channel) {
		int sent = 0;
		while (true) {
			Integer batch = transactions.execute(status -> sendBatch(channel));
			if (batch == null || batch < 0) {
				return sent;
			}
			sent += batch;
		}
	}

	/**
	 * @return how many were sent, or -1 when nothing was due
	 */
	private int sendBatch(SdiChannel channel) {
		Instant now = clock.instant();
		List<InvoiceDocument> due = documents.claimDueForSdi(now, BATCH);
		if (due.isEmpty()) {
			return -1;
		}
		int sent = 0;
		for (InvoiceDocument document : due) {
			int attempt = document.sdiAttempts() + 1;
			String fileName = xml.fileName(transmissions.nextFileNumber());
			String sdiId;
			try {
				sdiId = channel.send(fileName, xml.write(document, attempt));
			}
			catch (SdiChannelException ex) {
				document.notHandedOver(now);
				log.warn("{} not handed over to the SdI (try {}), again at {}: {}", document.number(), attempt,
						document.sdiDueAt(), ex.getMessage());
				continue;
			}
			SdiTransmission transmission = transmissions
				.save(new SdiTransmission(document.id(), attempt, fileName, sdiId, now));
			document.transmitted();
			events.save(SdiEvent.of(document, transmission.id(), now, fileName));
			sent++;
		}
		return sent;
	}

	private int processReceipts(SdiChannel channel) {
		int processed = 0;
		for (SdiReceipt receipt : channel.receipts()) {
			try {
				if (Boolean.TRUE.equals(transactions.execute(status -> process(receipt)))) {
					processed++;
				}
			}
			catch (RuntimeException ex) {
				// not acknowledged: it comes again on the next run
				log.warn("SdI receipt {} about {} not processed: {}", receipt.id(), receipt.fileName(), ex.toString());
				continue;
			}
			channel.acknowledge(receipt.id());
		}
		return processed;
	}

	private boolean process(SdiReceipt receipt) {
		SdiTransmission transmission = transmissions.findByFileName(receipt.fileName()).orElse(null);
		if (transmission == null || !transmission.sdiId().equals(receipt.sdiId())) {
			log.warn("SdI receipt {} ({}) is about a file this shop did not send: {} ({})", receipt.id(),
					receipt.type(), receipt.fileName(), receipt.sdiId());
			return false;
		}
		InvoiceDocument document = documents.lockById(transmission.documentId()).orElseThrow();
		// checked under the document's lock: another instance may have just processed it
		if (events.existsByReceiptId(receipt.id())) {
			return false;
		}
		Instant now = clock.instant();
		boolean latest = transmission.attempt() == document.sdiAttempts();
		boolean changed = latest && document.receive(receipt.type(), receipt.outcome(), now);
		events.save(SdiEvent.receipt(document, transmission, receipt, now));
		if (changed && document.sdiStatus() == SdiStatus.REJECTED) {
			mails.rejected(document, receipt);
		}
		return true;
	}

}
