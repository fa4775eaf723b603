"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { TimeProvider } from "@/components/time/time-context";

/**
 * Client-side state for every page: one QueryClient per browser tab (open views poll through
 * it) and the viewer's clock and time zone.
 */
export function Providers({ tz, now, children }: { tz: string; now: number; children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Server-rendered data is fresh on arrival; polling keeps it fresh afterwards.
            staleTime: 5_000,
            refetchOnWindowFocus: true,
            retry: 1,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <TimeProvider tz={tz} now={now}>
        {children}
      </TimeProvider>
    </QueryClientProvider>
  );
}
