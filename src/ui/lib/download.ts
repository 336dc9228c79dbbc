/** Saves bytes as a file through the browser's download, without a server round trip. */
export const downloadBytes = (fileName: string, data: Uint8Array | string, type: string): void => {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Saves text as a file. */
export const downloadText = (fileName: string, text: string, type: string): void => downloadBytes(fileName, text, type);
