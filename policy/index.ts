// The pack the Pulumi CLI loads (`pulumi preview --policy-pack policy`). It only builds the PolicyPack:
// the policies live in src/ so that tests and the offline checker evaluate the very same objects.
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./src/pack";

new PolicyPack(packName, { policies });
