"use client";

import { useEffect, useState } from "react";

/** A thumbnail of a picked image file (nothing for other files), freed when it goes away. */
export function FilePreview({ file, className = "h-8 w-8" }: { file: File; className?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file.type.startsWith("image/")) return;
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  if (!url) return null;
  return <img src={url} alt="" data-testid="file-preview" className={`${className} shrink-0 rounded object-cover`} />;
}
