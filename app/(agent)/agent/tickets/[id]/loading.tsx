import { Bone, SkeletonPage } from "@/components/skeleton";

/** The ticket workspace's shape (header, thread, reply box, properties) while it loads. */
export default function TicketLoading() {
  return (
    <SkeletonPage label="Loading the ticket…" className="flex min-h-screen flex-col">
      <div className="border-b border-slate-200 bg-white px-6 py-4">
        <Bone className="h-3 w-32" />
        <Bone className="mt-2 h-6 w-2/5" />
        <Bone className="mt-2 h-3 w-64" />
      </div>
      <div className="flex flex-1 gap-6 px-6 py-5">
        <div className="min-w-0 flex-1 space-y-4">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex gap-3">
              <Bone className="h-8 w-8 rounded-full" />
              <div className="flex-1 space-y-2 rounded-xl border border-slate-200 bg-white p-4">
                <Bone className="h-3 w-40" /><Bone className="h-3 w-full" /><Bone className="h-3 w-3/4" />
              </div>
            </div>
          ))}
          <Bone className="h-32 w-full rounded-xl" />
        </div>
        <div className="hidden w-80 shrink-0 space-y-3 lg:block">
          {[0, 1, 2, 3, 4].map((i) => <Bone key={i} className="h-9 w-full" />)}
        </div>
      </div>
    </SkeletonPage>
  );
}
