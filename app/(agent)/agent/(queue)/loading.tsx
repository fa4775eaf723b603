import { Bone, SkeletonPage } from "@/components/skeleton";

/** The queue's shape (header, one-line toolbar, stats strip, compact rows) while it loads. */
export default function QueueLoading() {
  return (
    <SkeletonPage label="Loading the queue…">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-white px-6 py-3">
        <Bone className="h-5 w-32" /><Bone className="h-4 w-20" /><Bone className="ml-auto h-6 w-44" />
      </div>
      <div className="flex gap-2 border-b border-slate-200 bg-white px-6 py-2">
        <Bone className="h-8 flex-1" />
        {[0, 1, 2, 3, 4].map((i) => <Bone key={i} className="h-8 w-28" />)}
      </div>
      <div className="flex gap-4 border-b border-slate-200 bg-white px-6 py-2.5">
        {[0, 1, 2, 3].map((i) => <Bone key={i} className="h-4 w-20" />)}
      </div>
      <div className="px-6 pt-3">
        <div className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
          <div className="h-8 bg-slate-50" />
          {Array.from({ length: 20 }, (_, i) => (
            <div key={i} className="flex h-9 items-center gap-4 px-4">
              <Bone className="h-3 w-14" /><Bone className="h-3 w-16" />
              <Bone className={`h-3 ${["w-1/3", "w-1/4", "w-2/5"][i % 3]}`} />
              <Bone className="ml-auto h-3 w-24" /><Bone className="h-5 w-20 rounded-full" /><Bone className="h-3 w-24" /><Bone className="h-5 w-20" /><Bone className="h-3 w-12" />
            </div>
          ))}
        </div>
      </div>
    </SkeletonPage>
  );
}
