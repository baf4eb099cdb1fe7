/**
 * Where Pulumi's schema inference starts for `pulumi package add`: it maps package.json's
 * `main` (dist/...js) to a .ts file beside it, which dist/ never has, and then reads this
 * file. Exports the components as other languages see them.
 */
export * from "./components/schema/index";
