import { Bone, SkeletonPage } from "@/components/skeleton";

/** A ticket's conversation while it loads: title, a few message bubbles, the reply box. */
export default function ThreadLoading() {
  return (
    <SkeletonPage label="Loading the conversation…">
      <Bone className="h-3 w-24" />
      <Bone className="mt-3 h-7 w-3/5" />
      <Bone className="mt-2 h-4 w-48" />
      <div className="mt-6 space-y-4">
        {[0, 1, 2].map((i) => (
          <div key={i} className={`flex ${i % 2 ? "" : "justify-end"}`}>
            <div className="w-3/4 space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
              <Bone className="h-3 w-32" /><Bone className="h-3 w-full" /><Bone className="h-3 w-2/3" />
            </div>
          </div>
        ))}
        <Bone className="h-32 w-full rounded-xl" />
      </div>
    </SkeletonPage>
  );
}
