import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { SiteHeader } from "@/components/site-header";
import { getSessionState } from "@/server/access";

export const metadata: Metadata = {
  title: { default: "Sawtooth", template: "%s · Sawtooth" },
  description: "Auto-graded exercises on the theory of deep learning",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const state = await getSessionState();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <SiteHeader
          user={state?.user ?? null}
          passwordChangeRequired={state?.passwordChangeRequired ?? false}
        />
        <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">{children}</main>
      </body>
    </html>
  );
}
