import { Bone, SkeletonPage } from "@/components/skeleton";

/** "My tickets" while it loads: heading, button and a few rows. */
export default function MyTicketsLoading() {
  return (
    <SkeletonPage label="Loading your tickets…">
      <div className="mb-6 flex items-end justify-between gap-4">
        <div><Bone className="h-7 w-40" /><Bone className="mt-2 h-4 w-72" /></div>
        <Bone className="h-9 w-32 rounded-lg" />
      </div>
      <div className="divide-y divide-slate-100 overflow-hidden rounded-2xl border border-slate-200 bg-white">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="space-y-2 px-5 py-4">
            <div className="flex justify-between gap-4"><Bone className="h-4 w-1/2" /><Bone className="h-5 w-24 rounded-full" /></div>
            <Bone className="h-3 w-1/3" />
          </div>
        ))}
      </div>
    </SkeletonPage>
  );
}
