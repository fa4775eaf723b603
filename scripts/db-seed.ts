/** Placeholder until the demo seed lands: only reports. */
console.log("demo seed: not yet implemented");
