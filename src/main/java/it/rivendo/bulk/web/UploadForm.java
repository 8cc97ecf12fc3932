package it.rivendo.bulk.web;

import org.springframework.web.multipart.MultipartFile;

/** "Ordine multiplo": the file to upload. */
public class UploadForm {

	private MultipartFile file;

	public MultipartFile getFile() {
		return file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}

}
