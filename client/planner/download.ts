/** Offers text as a file download (the browser's own save dialog or downloads folder). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns; release it a while later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
