package it.rivendo.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's start page. */
@Controller
class AdminHomeController {

	@GetMapping("/admin")
	String home() {
		return "admin/home";
	}
}
