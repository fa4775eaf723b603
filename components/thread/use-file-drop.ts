"use client";

import { useState } from "react";

/**
 * Makes an element (a form) a drop target for files: spread `dropProps` on it, style it with
 * `dragging`. Drags of text or links are left alone.
 */
export function useFileDrop(onFiles: (files: FileList) => void) {
  const [dragging, setDragging] = useState(false);
  const dropProps = {
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes("Files")) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      setDragging(false);
      if (!e.dataTransfer.files.length) return;
      e.preventDefault();
      onFiles(e.dataTransfer.files);
    },
  };
  return { dragging, dropProps };
}
