package it.rivendo.web;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial page of the saturation benchmark (bench/saturation.sh): a bare answer
 * behind the same filter chain as every page, with no template, model or database, so
 * that what a real page costs above the frame and the filters shows. Only in the
 * {@code bench} profile.
 */
@Profile("bench")
@RestController
class BenchPingController {

	@GetMapping("/bench/ping")
	String ping() {
		return "pong";
	}

}
