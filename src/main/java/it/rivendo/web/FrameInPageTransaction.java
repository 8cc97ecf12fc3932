package it.rivendo.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads a reseller page's frame (the menu, the credit, the cart count) in the page's own
 * read-only transaction, just before it commits, instead of in a transaction of its own
 * while the page is rendered: a BEGIN and a COMMIT less at every page (issue 22). A page
 * without a read-only transaction of its own, or whose frame could not be read then,
 * reads it while rendering, as before.
 */
@Component
class FrameInPageTransaction implements TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(FrameInPageTransaction.class);

	/** The request attribute holding the page's {@link Shell} until its frame is read. */
	static final String PENDING = FrameInPageTransaction.class.getName() + ".PENDING";

	@Override
	public void beforeCommit(TransactionExecution transaction) {
		if (!transaction.isNewTransaction() || !transaction.isReadOnly() || transaction.isRollbackOnly()) {
			return;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null
				|| !(request.getAttribute(PENDING, RequestAttributes.SCOPE_REQUEST) instanceof Shell shell)) {
			return;
		}
		request.removeAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
		try {
			shell.preload();
		}
		catch (RuntimeException failed) {
			// the page reads it while rendering, in a transaction of its own
			log.debug("The page's frame was not read in its transaction", failed);
		}
	}

}
